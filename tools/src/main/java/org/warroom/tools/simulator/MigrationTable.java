package org.warroom.tools.simulator;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * Where migrants from Bihar and Madhya Pradesh live and work, by destination district, from the Census 2011
 * D-series table shipped in {@code simulator/} (see its SOURCES.md). Picks destinations weighted by the number
 * of migrants, with LGD state and district codes.
 */
final class MigrationTable {
    /** A destination: LGD state code and LGD district code (null when the district has no LGD match). */
    record Destination(String stateCode, String districtCode) {
    }

    private final Map<String, List<Destination>> destinations = new HashMap<>();
    private final Map<String, long[]> cumulative = new HashMap<>();

    MigrationTable(DistrictDirectory districts) {
        Map<String, District> byCensus = new HashMap<>();
        for (District d : districts.all()) {
            if (!d.census2011Code().isEmpty()) {
                byCensus.put(d.census2011Code(), d);
            }
        }
        Map<String, List<Long>> weights = new HashMap<>();
        try (Reader reader = new InputStreamReader(MigrationTable.class.getResourceAsStream(
                "/simulator/census2011_migrants_from_bihar_and_mp.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String source = r.get("source_state").equals("Bihar") ? "10" : "23";
                District d = byCensus.get(r.get("dest_district_code_census2011"));
                String state = d != null ? d.stateCode() : String.valueOf(Integer.parseInt(r.get("dest_state_code_census2011")));
                if (state.equals(source)) {
                    continue;
                }
                destinations.computeIfAbsent(source, k -> new ArrayList<>())
                        .add(new Destination(state, d == null ? null : d.code()));
                weights.computeIfAbsent(source, k -> new ArrayList<>()).add(Long.parseLong(r.get("total_migrants")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        weights.forEach((source, list) -> {
            long[] c = new long[list.size()];
            long sum = 0;
            for (int i = 0; i < c.length; i++) {
                sum += list.get(i);
                c[i] = sum;
            }
            cumulative.put(source, c);
        });
    }

    /** A destination for a migrant from {@code sourceState} (10 Bihar, 23 Madhya Pradesh), by Census weight. */
    Destination pick(String sourceState, Random random) {
        long[] c = cumulative.getOrDefault(sourceState, cumulative.get("10"));
        List<Destination> list = destinations.getOrDefault(sourceState, destinations.get("10"));
        long x = (long) (random.nextDouble() * c[c.length - 1]);
        int i = java.util.Arrays.binarySearch(c, x + 1);
        return list.get(i >= 0 ? i : -i - 1);
    }
}
