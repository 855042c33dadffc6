package org.warroom.tools.simulator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * The demo feed: realistic, seeded, reproducible traffic for every district of the chosen states, sent through
 * the public HTTP API at a steady rate (see {@link SimulatorConfig} for arguments and environment). Each second
 * it sends what is due: later steps of calls and tickets in progress, district reports in turn, worker
 * verification updates, and new calls and citizen messages to fill the rate.
 */
public final class SimulatorMain {
    /** One simulated day of district reports passes in this much real time. */
    static final Duration DAY = Duration.ofMinutes(10);

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorConfig config;
        try {
            config = SimulatorConfig.from(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("simulator: " + config);
        DistrictDirectory directory = DistrictDirectory.load();
        List<District> districts = new ArrayList<>();
        config.states().forEach(s -> districts.addAll(directory.inState(s)));
        if (districts.isEmpty()) {
            System.err.println("simulator: no districts in states " + config.states());
            System.exit(2);
        }
        Random random = new Random(config.seed());
        Instant start = Instant.now();
        Ids ids = new Ids(config.seed(), start.getEpochSecond());
        Schedule schedule = new Schedule();
        CallTraffic calls = new CallTraffic(random, ids, schedule, districts);
        CitizenMessages messages = new CitizenMessages(random, ids, districts);
        DistrictStocks stocks = new DistrictStocks(random, ids, districts, DAY, start);
        WorkerRegistry registry = new WorkerRegistry(config.seed(), directory.inState("10"), directory.inState("23"),
                new MigrationTable(directory));
        FeedSender sender = new FeedSender(config.target(), config.key());

        if (config.workers() > 0) {
            uploadRegistry(sender, registry, config.workers());
        }
        Instant end = config.duration().map(start::plus).orElse(Instant.MAX);
        double carry = 0;
        long tick = 0;
        while (Instant.now().isBefore(end)) {
            Instant now = Instant.now();
            carry += config.rate();
            int budget = (int) carry;
            carry -= budget;
            List<SimEvent> events = new ArrayList<>(schedule.due(now, budget));
            events.addAll(stocks.due(now, Math.max(1, budget - events.size())));
            while (events.size() < budget) {
                double x = random.nextDouble();
                if (x < 0.62) {
                    events.add(calls.newCall(now));
                } else if (x < 0.92) {
                    Map.Entry<District, Integer> shortage = stocks.shortage();
                    events.add(messages.next(now, shortage == null ? null : shortage.getKey(),
                            shortage == null ? 0 : shortage.getValue()));
                } else if (config.workers() > 0 && x < 0.97) {
                    long i = 1 + (long) (random.nextDouble() * config.workers());
                    events.add(new SimEvent("workers", registry.worker(i, now), now));
                } else {
                    District d = districts.get(random.nextInt(districts.size()));
                    calls.ticket(d, now, null);
                    events.addAll(schedule.due(now, 1));
                }
            }
            events.forEach(sender::add);
            if (!sender.flush()) {
                long wait = Math.max(1000, sender.retryAfterMillis());
                System.out.println("simulator: ingest busy or unreachable, retrying in " + wait + " ms (" + sender.summary() + ")");
                LockSupport.parkNanos(Duration.ofMillis(wait).toNanos());
                continue;
            }
            if (++tick % 10 == 0) {
                System.out.println("simulator: sent " + sender.summary() + " scheduled=" + schedule.size());
            }
            long sleep = Duration.between(Instant.now(), now.plusSeconds(1)).toNanos();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            }
        }
        System.out.println("simulator: done, sent " + sender.summary());
    }

    private static void uploadRegistry(FeedSender sender, WorkerRegistry registry, int rows) throws IOException,
            InterruptedException {
        Path csv = Files.createTempFile("warroom-registry", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                registry.writeCsv(out, rows);
            }
            String job = sender.upload(csv);
            System.out.println("simulator: uploaded a registry of " + rows + " workers, job " + job);
            while (true) {
                String status = sender.job(job);
                if (!status.contains("\"running\"")) {
                    System.out.println("simulator: registry job " + job + ": " + status.replaceAll("\"errors\":\\[.*?\\],", ""));
                    return;
                }
                LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
