import java.io.*;
import java.net.*;

/**
 * A tiny recording TCP proxy on loopback for making golden files: forwards one client connection
 * to the broker and writes every OpenWire frame as "B|C type hex" (B = broker to client).
 *   java RecordingProxy LISTEN_PORT BROKER_PORT OUT_FILE
 */
public class RecordingProxy {
  public static void main(String[] a) throws Exception {
    try (ServerSocket server = new ServerSocket(Integer.parseInt(a[0]), 1, InetAddress.getLoopbackAddress());
         PrintWriter out = new PrintWriter(new FileWriter(a[2]), true)) {
      Socket client = server.accept();
      Socket broker = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(a[1]));
      Thread up = pump(client, broker, "C", out);
      Thread down = pump(broker, client, "B", out);
      up.join();
      down.join();
    }
  }

  static Thread pump(Socket from, Socket to, String tag, PrintWriter out) {
    Thread t = new Thread(() -> {
      try (DataInputStream in = new DataInputStream(from.getInputStream())) {
        OutputStream os = to.getOutputStream();
        while (true) {
          int size = in.readInt();
          byte[] body = new byte[size];
          in.readFully(body);
          ByteArrayOutputStream frame = new ByteArrayOutputStream();
          new DataOutputStream(frame).writeInt(size);
          frame.write(body);
          os.write(frame.toByteArray());
          StringBuilder hex = new StringBuilder();
          for (byte b : frame.toByteArray()) hex.append(String.format("%02x", b));
          synchronized (out) { out.println(tag + " " + (body[0] & 0xff) + " " + hex); }
        }
      } catch (IOException e) {
        try { to.shutdownOutput(); } catch (IOException ignored) { }
      }
    });
    t.start();
    return t;
  }
}
