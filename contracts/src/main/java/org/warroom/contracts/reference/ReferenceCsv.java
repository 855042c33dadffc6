package org.warroom.contracts.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the reference CSV files (UTF-8, header row, aliases separated by {@code |}). */
final class ReferenceCsv {

    static final String DISTRICTS = "/reference/districts.csv";
    static final String STATES = "/reference/states.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).get();

    private ReferenceCsv() {
    }

    /** A district row with the state's English name from the same row ("" when absent). */
    record DistrictRow(District district, String stateName) {
    }

    static Reader resource(String path) {
        InputStream in = ReferenceCsv.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + path);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Reads district rows; columns code, stateCode and name are required, the others optional. */
    static List<DistrictRow> districts(Reader reader, String source) {
        List<DistrictRow> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(reader)) {
            requireColumns(parser, source, "code", "stateCode", "name");
            for (CSVRecord r : parser) {
                try {
                    District d = new District(digits(get(r, "code"), "code"), digits(get(r, "stateCode"), "stateCode"),
                            get(r, "name"), get(r, "nameHi"), get(r, "census2011Code"), get(r, "geoCode"),
                            aliases(get(r, "aliases")));
                    rows.add(new DistrictRow(d, get(r, "stateName")));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException(source + " line " + (r.getRecordNumber() + 1) + ": "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return rows;
    }

    /** Reads state rows; columns code and name are required. */
    static List<State> states(Reader reader, String source) {
        List<State> states = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(reader)) {
            requireColumns(parser, source, "code", "name");
            for (CSVRecord r : parser) {
                try {
                    states.add(new State(digits(get(r, "code"), "code"), get(r, "name"), get(r, "nameHi"),
                            aliases(get(r, "aliases"))));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new IllegalArgumentException(source + " line " + (r.getRecordNumber() + 1) + ": "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return states;
    }

    /** Strips a code and its leading zeros ("023" -> "23"); {@code null} unless it is all digits. */
    static String canonicalCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (c.isEmpty() || !c.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        int i = 0;
        while (i < c.length() - 1 && c.charAt(i) == '0') {
            i++;
        }
        return c.substring(i);
    }

    private static String digits(String value, String field) {
        String c = canonicalCode(value);
        if (c == null) {
            throw new IllegalArgumentException(field + " must be a number, got '" + value + "'");
        }
        return c;
    }

    private static void requireColumns(CSVParser parser, String source, String... columns) {
        Map<String, Integer> header = parser.getHeaderMap() == null ? Map.of() : parser.getHeaderMap();
        for (String c : columns) {
            if (!header.containsKey(c)) {
                throw new IllegalArgumentException(source + ": missing column '" + c + "' (has "
                        + header.keySet() + ", needs " + Arrays.toString(columns) + ")");
            }
        }
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }

    private static List<String> aliases(String cell) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : cell.split("\\|")) {
            String s = a.strip();
            if (!s.isEmpty()) {
                out.putIfAbsent(s, s);
            }
        }
        return List.copyOf(out.keySet());
    }
}
