package org.warroom.tools.simulator;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.warroom.contracts.reference.District;

/**
 * A synthetic migrant-worker registry drawn from real distributions: home districts in Bihar and Madhya
 * Pradesh (Bihar weighted by its larger out-migration in the Census), where they work now from the Census 2011
 * migration table, Hindi names, skills. Row {@code i} is the same for a given seed whatever else is generated,
 * so verification-call updates match the uploaded rows.
 */
public final class WorkerRegistry {
    static final String HEADER = "id,name,phone,homeDistrict,skills,status,currentState,currentDistrict,verifiedAt";
    private static final String[] FIRST = {"राम", "श्याम", "सुनील", "अनिल", "राजेश", "मनोज", "संजय", "विजय", "अजय", "दिनेश",
            "सीता", "गीता", "सुनीता", "रेखा", "पूजा", "मुकेश", "राकेश", "प्रमोद", "रवि", "सरिता", "मोहम्मद", "इरफ़ान", "सलमा"};
    private static final String[] LAST = {"कुमार", "यादव", "सिंह", "पासवान", "मंडल", "राम", "प्रसाद", "साह", "महतो", "देवी",
            "अहिरवार", "पटेल", "कुशवाहा", "अंसारी", "मांझी"};
    private static final String[] SKILLS = {"mason", "carpentry", "plumbing", "electrician", "tailoring", "driving",
            "welding", "painting", "agriculture", "construction labour", "factory work", "domestic work", "security guard",
            "embroidery", "handloom"};

    private final long seed;
    private final List<District> bihar;
    private final List<District> mp;
    private final MigrationTable migration;

    WorkerRegistry(long seed, List<District> bihar, List<District> mp, MigrationTable migration) {
        this.seed = seed;
        this.bihar = bihar;
        this.mp = mp;
        this.migration = migration;
    }

    /** A registry over the shipped tables. */
    public static WorkerRegistry load(long seed) {
        var districts = org.warroom.contracts.reference.DistrictDirectory.load();
        return new WorkerRegistry(seed, districts.inState("10"), districts.inState("23"), new MigrationTable(districts));
    }

    /** Writes {@code rows} registry rows with the API's header. */
    public void writeCsv(Writer out, long rows) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (long i = 1; i <= rows; i++) {
            Map<String, Object> w = worker(i, null);
            out.write(w.get("id") + ",\"" + w.get("name") + "\"," + w.get("phone") + "," + w.get("homeDistrict") + ","
                    + String.join(";", (List<String>) skills(w)) + "," + w.get("status") + ","
                    + w.getOrDefault("currentState", "") + "," + w.getOrDefault("currentDistrict", "") + ","
                    + w.getOrDefault("verifiedAt", "") + "\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> skills(Map<String, Object> w) {
        return (List<String>) w.get("skills");
    }

    /** Worker {@code i} as a {@code workers} feed event; with {@code verifiedAt}, a fresh verification call's result. */
    Map<String, Object> worker(long i, Instant verifiedAt) {
        Random r = new Random(seed * 1_000_003L + i);
        boolean fromBihar = r.nextDouble() < 0.71;
        District home = Pick.one(r, fromBihar ? bihar : mp);
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("id", (fromBihar ? "BR" : "MP") + "-" + seed + "-" + i);
        w.put("name", Pick.one(r, FIRST) + " " + Pick.one(r, LAST));
        w.put("phone", "+91" + (6 + r.nextInt(4)) + String.format("%09d", r.nextInt(1_000_000_000)));
        w.put("homeDistrict", home.code());
        int n = 1 + r.nextInt(2);
        List<String> skills = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            String s = Pick.one(r, SKILLS);
            if (!skills.contains(s)) {
                skills.add(s);
            }
        }
        w.put("skills", skills);
        // A verification call re-draws the worker's situation: people move, find work, or go home.
        Random situation = verifiedAt == null ? r : new Random(r.nextLong() ^ verifiedAt.getEpochSecond());
        double x = situation.nextDouble();
        if (x < 0.68) {
            MigrationTable.Destination d = migration.pick(home.stateCode(), situation);
            w.put("status", "working");
            w.put("currentState", d.stateCode());
            if (d.districtCode() != null) {
                w.put("currentDistrict", d.districtCode());
            }
        } else if (x < 0.93) {
            w.put("status", "home");
            w.put("currentState", home.stateCode());
            w.put("currentDistrict", home.code());
        } else {
            w.put("status", "unreachable");
        }
        if (verifiedAt != null) {
            w.put("verifiedAt", OffsetDateTime.ofInstant(verifiedAt, ZoneOffset.ofHoursMinutes(5, 30)).toString());
            w.put("source", "call");
        } else {
            w.put("source", "registry");
        }
        return w;
    }
}
