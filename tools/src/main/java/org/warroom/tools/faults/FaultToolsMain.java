package org.warroom.tools.faults;

import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.warroom.contracts.json.Json;

/**
 * The Java half of {@code bin/warroom faults} and {@code bin/warroom soak} (the scripts in {@code bin/lib} inject the
 * faults and sample the processes):
 * <pre>
 *   load      --ingest URL --dashboard URL --es URL --key-file F --password-file F --ledger DIR --run NAME
 *             [--rate 100] [--seconds 0] [--screens 0] [--slow-screen 0|1] [--settle 180]
 *   reconcile --ledger DIR --kafka HOST:PORT --es URL --dashboard URL --password-file F [--case NAME]
 *             [--command TEXT] [--fault-at MILLIS --fresh CSV] [--stale-ms 20000] [--results FILE] [--settle 180]
 *   recovery  --fresh CSV --fault-at MILLIS [--stale-ms 20000]   (recovery times from a run's samples)
 *   lag       --kafka HOST:PORT        (one JSON line: consumer lag per group)
 * </pre>
 */
public final class FaultToolsMain {
    private FaultToolsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: FaultToolsMain load|reconcile|lag --option value ...");
            System.exit(2);
        }
        Args a = new Args(args, 1);
        int code = switch (args[0]) {
            case "load" -> LoadRun.run(a);
            case "reconcile" -> ReconcileRun.run(a);
            case "recovery" -> {
                System.out.println(Json.mapper().writeValueAsString(Recovery.of(java.nio.file.Path.of(a.get("fresh")),
                        Long.parseLong(a.get("fault-at")), a.number("stale-ms", 20_000))));
                yield 0;
            }
            case "lag" -> {
                Properties p = new Properties();
                p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("kafka"));
                System.out.println(Json.mapper().writeValueAsString(ConsumerLag.perGroup(p)));
                yield 0;
            }
            default -> {
                System.err.println("unknown tool " + args[0]);
                yield 2;
            }
        };
        System.exit(code);
    }
}
