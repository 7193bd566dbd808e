import javax.jms.*;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * The second recorded session in tests/OpenWire.Tests/Golden: an idle connection with
 * a 1 s inactivity timeout (KeepAliveInfo both ways), then a second connection with a client id that
 * is already in use, refused by the broker (ExceptionResponse).
 *   java GoldenKeepAliveAndError PROXY_PORT BROKER_PORT [tight]   (the second connection goes through RecordingProxy)
 */
public class GoldenKeepAliveAndError {
  public static void main(String[] a) throws Exception {
    boolean tight = a.length > 2 && a[2].equals("tight");
    String opts = "?wireFormat.tightEncodingEnabled=" + tight + "&wireFormat.cacheEnabled=false&wireFormat.maxInactivityDuration=1000&wireFormat.maxInactivityDurationInitalDelay=100&wireFormat.stackTraceEnabled=false";
    ActiveMQConnectionFactory direct = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + a[1]);
    direct.setClientID("golden-duplicate");
    Connection holder = direct.createConnection();
    holder.start();
    ActiveMQConnectionFactory proxied = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + a[0] + opts);
    Connection idle = proxied.createConnection();
    Thread.sleep(2500);
    try {
      idle.setClientID("golden-duplicate");
      idle.start();
    } catch (JMSException expected) {
      System.out.println("refused: " + expected.getClass().getName());
    }
    idle.close();
    holder.close();
  }
}
