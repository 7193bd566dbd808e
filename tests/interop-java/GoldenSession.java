import javax.jms.*;
import org.apache.activemq.ActiveMQConnectionFactory;
/**
 * The client session recorded in tests/OpenWire.Tests/Golden (run through RecordingProxy).
 *   java GoldenSession PROXY_PORT [tight]   (tight: the Java client's default tight encoding, else loose)
 */
public class GoldenSession {
  public static void main(String[] a) throws Exception {
    boolean tight = a.length > 1 && a[1].equals("tight");
    ActiveMQConnectionFactory f = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + a[0] + "?wireFormat.tightEncodingEnabled=" + tight + "&wireFormat.cacheEnabled=false&wireFormat.maxInactivityDuration=30000");
    f.setUserName("user"); f.setPassword("secret"); f.setClientID("capture-client");
    Connection c = f.createConnection(); c.start();
    Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
    Queue q = s.createQueue("capture.q");
    TemporaryQueue tq = s.createTemporaryQueue();
    MessageConsumer mc = s.createConsumer(q, null);
    MessageProducer p = s.createProducer(null);
    TextMessage m = s.createTextMessage("héllo €");
    m.setJMSType("Hello"); m.setJMSCorrelationID("corr-1"); m.setJMSReplyTo(tq);
    m.setBooleanProperty("b", true); m.setByteProperty("y", (byte)7); m.setShortProperty("s", (short)300);
    m.setIntProperty("i", 70000); m.setLongProperty("l", 1L<<40); m.setFloatProperty("f", 1.5f);
    m.setDoubleProperty("d", 2.25); m.setStringProperty("str", "ü");
    p.send(q, m, DeliveryMode.PERSISTENT, 4, 0);
    Message r = mc.receive(5000); r.acknowledge();
    BytesMessage bm = s.createBytesMessage(); bm.writeBytes(new byte[]{1,2,3});
    p.send(s.createTopic("capture.t"), bm, DeliveryMode.NON_PERSISTENT, 4, 0);
    mc.close(); p.close(); tq.delete(); s.close(); c.close();
  }
}
