// A third-party consumer of storemon's report-completed events. It uses nothing of storemon: only the JDK and
// kafka-clients. Run it as a single-file program (Java 17):
//
//   java -cp "<kafka-clients jar and its dependencies>" docs/examples/ReportCompletedConsumer.java localhost:9092
//
// Optional further arguments: the gateway base URL, how many events to print before exiting, the consumer group.
// (docs/events.md shows how to get that classpath from the project's build.) It prints every report-completed
// event, from the beginning of the topic, and the URL to download each CSV.

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

public class ReportCompletedConsumer {

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        String gateway = args.length > 1 ? args[1] : "http://localhost:8080";
        int maxEvents = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", args.length > 3 ? args[3] : "example-report-archiver");
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("storemon.report-completed"));
            while (seen < maxEvents) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    String json = record.value();
                    // A real consumer would use its JSON library; the fields are flat, so a pattern does here.
                    System.out.printf("report %s: %s stores as of %s, sha256 %s, download %s%s%n",
                            field(json, "report_id"), field(json, "store_count"), field(json, "as_of"),
                            field(json, "csv_sha256"), gateway, field(json, "download"));
                    seen++;
                }
            }
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|[-0-9.]+)").matcher(json);
        if (!m.find()) {
            return "?";
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
