// Asks the EPUBCheck server (EpubcheckServer.java) on the Unix socket
// argv[2] to check argv[3] and prints its reply. Exit 3: nothing listens
// there (no server, or a socket file left by one that died); 4: another error.
import net from 'node:net'

const [socket, request] = process.argv.slice(2)
const chunks = []
let connected = false
const conn = net.createConnection(socket, () => {
  connected = true
  conn.end(`${request}\n`)
})
conn.on('data', (chunk) => chunks.push(chunk))
conn.on('end', () => process.stdout.write(Buffer.concat(chunks)))
conn.on('error', (error) => {
  process.stderr.write(`${error.message}\n`)
  process.exitCode = !connected && ['ECONNREFUSED', 'ENOENT'].includes(error.code) ? 3 : 4
})
