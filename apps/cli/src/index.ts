export { type CommandInput, type Flags, main } from './main.js'
export { exitCodes, processTerminal, type Terminal } from './terminal.js'
