package org.warroom.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * Realistic mixed events as NDJSON batches, one feed per batch, every id unique in the run (downstream drops
 * repeats by id, so re-sending a payload would measure nothing). The mix per 100 events: 45 call steps (whole calls:
 * started, answered, ended), 15 ticket steps (opened, half resolved), 25 citizen messages (half naming the district
 * only in Hindi or English text), 10 district supply reports (3 commodities each), 5 registry workers. Districts are
 * all of India's, except the one the freshness probe reports on.
 */
final class EventFactory {
    enum Feed { CALLS, MESSAGES, REPORTS, WORKERS }

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final String[] LINES = {"181", "104", "1075", "district-control", "worker-helpline"};
    private static final String[] COMMODITIES = {"ration", "water", "milk", "medicine", "lpg", "vegetables", "fruit", "petrol", "diesel"};
    private static final String[] CATEGORIES = {"ration", "water", "milk", "medicine", "health", "wages", "stranded", "transport", "other"};
    private static final String[] DEPARTMENTS = {"Food and Civil Supplies", "Health", "Labour", "Transport", "Revenue"};
    private static final String[] HINDI = {"%s में राशन नहीं मिल रहा है, मदद करें", "%s में दूध और सब्ज़ी नहीं मिल रही", "%s में पीने का पानी नहीं आ रहा", "%s के अस्पताल में दवाई खत्म"};
    private static final String[] ENGLISH = {"No ration in %s for three days", "Water supply stopped in %s ward 4", "Need medicine urgently in %s", "LPG cylinder not delivered in %s"};
    private static final String[] SKILLS = {"tailoring", "masonry", "driving", "welding", "plumbing", "carpentry", "electrician", "farming"};

    private final String run;
    private final List<District> districts;
    private final SplittableRandom random;
    private long seq;
    private String atText = "";
    private long atSecond = -1;

    EventFactory(String run, String excludedDistrict, long seed) {
        this.run = run;
        this.districts = DistrictDirectory.load().all().stream().filter(d -> !d.code().equals(excludedDistrict)).toList();
        this.random = new SplittableRandom(seed);
    }

    /** One batch of about {@code size} events of the feed, and how many events it holds. */
    Batch batch(Feed feed, int size) {
        StringBuilder b = new StringBuilder(size * 260);
        int n = 0;
        String at = now();
        while (n < size) {
            n += switch (feed) {
                case CALLS -> random.nextInt(100) < 75 ? call(b, at) : ticket(b, at);
                case MESSAGES -> message(b, at);
                case REPORTS -> report(b, at);
                case WORKERS -> worker(b);
            };
        }
        return new Batch(feed, b.toString().getBytes(StandardCharsets.UTF_8), n);
    }

    /** A feed drawn by the mix's weights (calls carry call and ticket steps: 60 of 100). */
    Feed nextFeed() {
        int r = random.nextInt(100);
        return r < 60 ? Feed.CALLS : r < 85 ? Feed.MESSAGES : r < 95 ? Feed.REPORTS : Feed.WORKERS;
    }

    record Batch(Feed feed, byte[] body, int events) {
    }

    private String now() {
        long ms = System.currentTimeMillis();
        if (ms / 1000 != atSecond) {
            atSecond = ms / 1000;
            atText = OffsetDateTime.now(IST).format(AT);
        }
        return atText;
    }

    private District district() {
        return districts.get(random.nextInt(districts.size()));
    }

    private String id(String kind) {
        return kind + "-" + run + "-" + (seq++);
    }

    private int call(StringBuilder b, String at) {
        String call = id("bc");
        String line = LINES[random.nextInt(LINES.length)];
        String district = district().code();
        String caller = "+9198" + (10_000_000 + random.nextInt(89_999_999));
        boolean answered = random.nextInt(10) < 8;
        String[] steps = answered ? new String[] {"started", "answered", "ended"} : new String[] {"started", "abandoned"};
        for (String step : steps) {
            b.append("{\"id\":\"").append(call).append('-').append(step).append("\",\"kind\":\"call\",\"call\":\"").append(call)
                    .append("\",\"line\":\"").append(line).append("\",\"district\":\"").append(district).append("\",\"event\":\"")
                    .append(step).append("\",\"at\":\"").append(at).append("\",\"caller\":\"").append(caller).append("\"}\n");
        }
        return steps.length;
    }

    private int ticket(StringBuilder b, String at) {
        String ticket = id("bt");
        String district = district().code();
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
        boolean resolve = random.nextBoolean();
        String[] steps = resolve ? new String[] {"opened", "resolved"} : new String[] {"opened"};
        for (String step : steps) {
            b.append("{\"id\":\"").append(ticket).append('-').append(step).append("\",\"kind\":\"ticket\",\"ticket\":\"").append(ticket)
                    .append("\",\"district\":\"").append(district).append("\",\"department\":\"").append(department)
                    .append("\",\"category\":\"").append(category).append("\",\"event\":\"").append(step).append("\",\"at\":\"")
                    .append(at).append("\",\"priority\":\"").append(random.nextInt(5) == 0 ? "urgent" : "normal").append("\"}\n");
        }
        return steps.length;
    }

    private int message(StringBuilder b, String at) {
        District d = district();
        boolean hindi = random.nextBoolean();
        boolean given = random.nextBoolean();
        String text = String.format(hindi ? HINDI[random.nextInt(HINDI.length)] : ENGLISH[random.nextInt(ENGLISH.length)],
                hindi && d.nameHi() != null && !d.nameHi().isBlank() ? d.nameHi() : d.name());
        b.append("{\"id\":\"").append(id("bm")).append("\",\"channel\":\"").append(random.nextBoolean() ? "whatsapp" : "sms")
                .append("\",\"from\":\"+9197").append(10_000_000 + random.nextInt(89_999_999)).append("\",\"text\":\"")
                .append(text.replace("\"", "'")).append("\",\"at\":\"").append(at).append('"');
        if (given) {
            b.append(",\"district\":\"").append(d.code()).append('"');
        }
        b.append("}\n");
        return 1;
    }

    private int report(StringBuilder b, String at) {
        b.append("{\"id\":\"").append(id("br")).append("\",\"district\":\"").append(district().code()).append("\",\"at\":\"")
                .append(at).append("\",\"items\":[");
        int first = random.nextInt(COMMODITIES.length);
        for (int i = 0; i < 3; i++) {
            int need = 50 + random.nextInt(950);
            b.append(i == 0 ? "" : ",").append("{\"commodity\":\"").append(COMMODITIES[(first + i) % COMMODITIES.length])
                    .append("\",\"stock\":").append(random.nextInt(need * 12)).append(",\"dailyNeed\":").append(need)
                    .append(",\"inTransit\":").append(random.nextInt(need * 2)).append(",\"unit\":\"quintal\"}");
        }
        b.append("]}\n");
        return 1;
    }

    private int worker(StringBuilder b) {
        b.append("{\"id\":\"").append(id("bw")).append("\",\"name\":\"Bench Worker ").append(seq).append("\",\"phone\":\"+9199")
                .append(10_000_000 + random.nextInt(89_999_999)).append("\",\"homeDistrict\":\"").append(district().code())
                .append("\",\"skills\":[\"").append(SKILLS[random.nextInt(SKILLS.length)]).append("\"],\"status\":\"")
                .append(random.nextBoolean() ? "home" : "working").append("\",\"source\":\"registry\"}\n");
        return 1;
    }
}
