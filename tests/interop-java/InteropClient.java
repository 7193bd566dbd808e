import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import javax.jms.*;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * ActiveMQ's own Java OpenWire client, driven by the .NET interop tests and the benchmark.
 *   send PORT QUEUE COUNT            text messages with non-ASCII text, every property type, correlation ids
 *   receive PORT QUEUE COUNT MILLIS  prints one line per message (fields tab-separated, text as UTF-8 hex)
 *   bench PORT QUEUE COUNT SIZE      prints "java send_per_s=.. receive_per_s=.. rtt_p50_us=.. rtt_p99_us=.."
 *   sends PORT QUEUE COUNT SIZE      send rates: persistent with no consumer, with a consumer attached,
 *                                    4 producers (own sessions, one thread each), non-persistent
 *   p1 PORT QUEUE COUNT SIZE         only COUNT persistent sends on one producer (for perf stat)
 *   p4 PORT QUEUE COUNT SIZE         only COUNT persistent sends by 4 producers as in "sends" (for perf stat)
 * The system property interop.uriOptions (e.g. "?wireFormat.tightEncodingEnabled=false") is appended
 * to the broker URI; without it the Java client's defaults apply (tight encoding offered).
 * Connects as the lab broker's privileged test user (SIEBELCTI_AMQ_TEST_USER and _PASSWORD, exported
 * by scripts/env.sh).
 */
public class InteropClient {
  static final String TEXT = "h\u00e9llo \u20ac \ud834\udd1e \u65e5\u672c #";

  public static void main(String[] a) throws Exception {
    ActiveMQConnectionFactory f = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + a[1] + System.getProperty("interop.uriOptions", ""));
    Connection c = f.createConnection(System.getenv("SIEBELCTI_AMQ_TEST_USER"), System.getenv("SIEBELCTI_AMQ_TEST_PASSWORD"));
    c.start();
    try {
      switch (a[0]) {
        case "send": send(c, a[2], Integer.parseInt(a[3])); break;
        case "receive": receive(c, a[2], Integer.parseInt(a[3]), Long.parseLong(a[4])); break;
        case "bench": bench(c, a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4])); break;
        case "sends": sends(c, a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4])); break;
        case "p1": p1(c, a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4])); break;
        case "p4": System.out.printf("java p4_per_s=%.0f%n", p4(c, a[2], Integer.parseInt(a[3]), body(Integer.parseInt(a[4])))); break;
        default: throw new IllegalArgumentException(a[0]);
      }
    } finally {
      c.close();
    }
  }

  static void send(Connection c, String queue, int count) throws JMSException {
    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageProducer p = s.createProducer(s.createQueue(queue));
    for (int i = 0; i < count; i++) {
      TextMessage m = s.createTextMessage(TEXT + i);
      m.setJMSType("Interop");
      m.setJMSCorrelationID("corr-" + i);
      m.setJMSReplyTo(s.createQueue("interop.reply"));
      m.setBooleanProperty("b", true);
      m.setByteProperty("y", (byte) -7);
      m.setShortProperty("s", (short) -300);
      m.setIntProperty("i", 70000 + i);
      m.setLongProperty("l", 1L << 40);
      m.setFloatProperty("f", 1.5f);
      m.setDoubleProperty("d", 2.25);
      m.setStringProperty("str", "\u00fc\u20ac");
      p.send(m, DeliveryMode.PERSISTENT, 4, 0);
    }
  }

  static String hex(String v) {
    if (v == null) return "null";
    StringBuilder b = new StringBuilder();
    for (byte x : v.getBytes(StandardCharsets.UTF_8)) b.append(String.format("%02x", x));
    return b.toString();
  }

  static void receive(Connection c, String queue, int count, long millis) throws JMSException {
    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageConsumer mc = s.createConsumer(s.createQueue(queue));
    for (int i = 0; i < count; i++) {
      Message m = mc.receive(millis);
      if (m == null) { System.out.println("TIMEOUT"); return; }
      StringBuilder line = new StringBuilder("MSG");
      if (m instanceof TextMessage) line.append("\ttext=").append(hex(((TextMessage) m).getText()));
      if (m instanceof BytesMessage) {
        BytesMessage bm = (BytesMessage) m;
        byte[] body = new byte[(int) bm.getBodyLength()];
        bm.readBytes(body);
        StringBuilder h = new StringBuilder();
        for (byte x : body) h.append(String.format("%02x", x));
        line.append("\tbytes=").append(h);
      }
      line.append("\ttype=").append(m.getJMSType());
      line.append("\tcorr=").append(m.getJMSCorrelationID());
      line.append("\treplyTo=").append(m.getJMSReplyTo());
      line.append("\tpersistent=").append(m.getJMSDeliveryMode() == DeliveryMode.PERSISTENT);
      Enumeration<?> names = m.getPropertyNames();
      java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
      while (names.hasMoreElements()) sorted.add((String) names.nextElement());
      for (String n : sorted) {
        Object v = m.getObjectProperty(n);
        String shown = v instanceof String ? hex((String) v) : String.valueOf(v);
        line.append("\tp.").append(n).append('=').append(v == null ? "null" : v.getClass().getSimpleName()).append(':').append(shown);
      }
      System.out.println(line);
    }
  }

  static void bench(Connection c, String queue, int count, int size) throws JMSException {
    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    Queue q = s.createQueue(queue);
    MessageProducer p = s.createProducer(q);
    MessageConsumer mc = s.createConsumer(q);
    char[] chars = new char[size];
    java.util.Arrays.fill(chars, 'x');
    String body = new String(chars);
    for (int i = 0; i < 200; i++) { p.send(s.createTextMessage(body), DeliveryMode.PERSISTENT, 4, 0); mc.receive(10000); }
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) p.send(s.createTextMessage(body), DeliveryMode.PERSISTENT, 4, 0);
    long t1 = System.nanoTime();
    for (int i = 0; i < count; i++) if (mc.receive(10000) == null) throw new java.lang.IllegalStateException("lost");
    long t2 = System.nanoTime();
    long[] rtt = new long[count];
    for (int i = 0; i < count; i++) {
      long a0 = System.nanoTime();
      p.send(s.createTextMessage(body), DeliveryMode.NON_PERSISTENT, 4, 0);
      mc.receive(10000);
      rtt[i] = (System.nanoTime() - a0) / 1000;
    }
    java.util.Arrays.sort(rtt);
    System.out.printf("java send_per_s=%.0f receive_per_s=%.0f rtt_p50_us=%d rtt_p99_us=%d%n",
        count / ((t1 - t0) / 1e9), count / ((t2 - t1) / 1e9), rtt[count / 2], rtt[(int) (count * 0.99)]);
  }

  static String body(int size) {
    char[] chars = new char[size];
    java.util.Arrays.fill(chars, 'x');
    return new String(chars);
  }

  static double rate(Session s, MessageProducer p, String body, int count, int mode) throws JMSException {
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) p.send(s.createTextMessage(body), mode, 4, 0);
    return count / ((System.nanoTime() - t0) / 1e9);
  }

  static void p1(Connection c, String queue, int count, int size) throws JMSException {
    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageProducer p = s.createProducer(s.createQueue(queue));
    System.out.printf("java p1_per_s=%.0f%n", rate(s, p, body(size), count, DeliveryMode.PERSISTENT));
  }

  /** COUNT persistent sends by 4 producers, each on its own session and thread, of one connection. */
  static double p4(Connection c, String queue, int count, String body) throws Exception {
    final int each = count / 4;
    Thread[] threads = new Thread[4];
    final Exception[] failure = new Exception[1];
    long t0 = System.nanoTime();
    for (int t = 0; t < 4; t++) {
      threads[t] = new Thread(() -> {
        try {
          Session ts = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
          MessageProducer tp = ts.createProducer(ts.createQueue(queue));
          rate(ts, tp, body, each, DeliveryMode.PERSISTENT);
        } catch (Exception e) {
          failure[0] = e;
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) t.join();
    if (failure[0] != null) throw failure[0];
    return each * 4 / ((System.nanoTime() - t0) / 1e9);
  }

  static void sends(Connection c, String queue, int count, int size) throws Exception {
    String body = body(size);
    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageProducer warm = s.createProducer(s.createQueue(queue + ".warm"));
    rate(s, warm, body, 200, DeliveryMode.PERSISTENT);
    MessageProducer p = s.createProducer(s.createQueue(queue + ".p1"));
    double p1 = rate(s, p, body, count, DeliveryMode.PERSISTENT);

    Session cs = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
    MessageConsumer mc = cs.createConsumer(cs.createQueue(queue + ".pc"));
    mc.setMessageListener(m -> { });
    MessageProducer pc = s.createProducer(s.createQueue(queue + ".pc"));
    double withConsumer = rate(s, pc, body, count, DeliveryMode.PERSISTENT);

    double p4 = p4(c, queue + ".p4", count, body);

    MessageProducer np = s.createProducer(s.createQueue(queue + ".np"));
    double nonPersistent = rate(s, np, body, count, DeliveryMode.NON_PERSISTENT);
    // Not timed: empty the queues again, so that repeated runs do not fill the broker's memory.
    for (String q : new String[] {".warm", ".p1", ".p4", ".np"}) {
      MessageConsumer drain = s.createConsumer(s.createQueue(queue + q));
      while (drain.receive(2000) != null) { }
      drain.close();
    }
    System.out.printf("java p1_per_s=%.0f pc_per_s=%.0f p4_per_s=%.0f np_per_s=%.0f%n", p1, withConsumer, p4, nonPersistent);
  }
}
