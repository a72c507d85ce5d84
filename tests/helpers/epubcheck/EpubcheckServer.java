import com.adobe.epubcheck.tool.EpubChecker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * EPUBCheck for a whole test run in one JVM (run in source-file mode:
 * `java -cp epubcheck.jar EpubcheckServer.java SOCKET IDLE_SECONDS`).
 *
 * Starting EPUBCheck costs 6-14 s of CPU (most of it compiling its schemas),
 * checking one more EPUB in the same JVM about 0.2 s. Each connection on the
 * Unix socket sends one EPUB path and a newline and gets back exactly what
 * `java -jar epubcheck.jar PATH` prints (its standard output and error, in
 * order), from the same command-line code (EpubChecker.run). One file at a
 * time: EPUBCheck's report goes through System.out/err, which are swapped per
 * request. The line "QUIT" stops the server; so does IDLE_SECONDS without a
 * request.
 */
public class EpubcheckServer {
  public static void main(String[] args) throws IOException {
    Path socket = Path.of(args[0]);
    long idle = Long.parseLong(args[1]) * 1000;
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    Files.deleteIfExists(socket);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
         Selector selector = Selector.open()) {
      server.bind(UnixDomainSocketAddress.of(socket));
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      while (selector.select(idle) > 0) {
        selector.selectedKeys().clear();
        SocketChannel client = server.accept();
        if (client == null) continue;
        try (client) {
          client.configureBlocking(true);
          String request = readLine(client);
          if (request.equals("QUIT")) break;
          ByteArrayOutputStream captured = new ByteArrayOutputStream();
          PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
          System.setOut(both);
          System.setErr(both);
          try {
            new EpubChecker().run(new String[] { request });
          } catch (RuntimeException e) {
            e.printStackTrace(both);
          } finally {
            both.flush();
            System.setOut(realOut);
            System.setErr(realErr);
          }
          ByteBuffer reply = ByteBuffer.wrap(captured.toByteArray());
          while (reply.hasRemaining()) client.write(reply);
        } catch (IOException e) {
          // The client went away: nothing to answer, wait for the next one.
        }
      }
    } finally {
      Files.deleteIfExists(socket);
    }
  }

  private static String readLine(SocketChannel client) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (client.read(one) > 0) {
      byte b = one.get(0);
      one.clear();
      if (b == '\n') break;
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
