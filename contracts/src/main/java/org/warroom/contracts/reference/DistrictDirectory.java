package org.warroom.contracts.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.warroom.contracts.reference.Candidates.Candidate;
import org.warroom.contracts.reference.ReferenceCsv.DistrictRow;

/**
 * The district table: every district of India by LGD code, looked up by code or by any of its
 * names (English, Hindi, aliases; case, space and punctuation do not matter). Immutable.
 *
 * <p>The shipped table is {@code reference/districts.csv} on the classpath; more districts (for
 * instance ones created after the table was made) are added by configuration with
 * {@link #withExtra(Path)}, a CSV file of the same columns. A row whose code is already known
 * replaces the shipped row.
 */
public final class DistrictDirectory {

    /** Words around a name that only say "district" ("Bhopal district", "जिला भोपाल"). */
    private static final Set<String> DISTRICT_WORDS = Set.of("district", "dist", "zila", "jila", "janpad",
            "जिला", "जिले", "जनपद");

    private final List<District> all;
    private final Map<String, District> byCode;
    private final Map<String, List<District>> byState;
    private final Map<String, String> stateNames;
    private final Map<String, List<Candidate>> byKey;
    private final DistrictSuggester suggester;

    private DistrictDirectory(Collection<DistrictRow> rows) {
        Map<String, District> codes = new LinkedHashMap<>();
        Map<String, String> states = new HashMap<>();
        for (DistrictRow row : rows) {
            codes.put(row.district().code(), row.district());
            if (!row.stateName().isEmpty()) {
                states.put(row.district().stateCode(), row.stateName());
            }
        }
        List<District> list = new ArrayList<>(codes.values());
        list.sort(Comparator.comparing(District::stateCode, Candidates::compareCodes)
                .thenComparing(District::name));
        this.all = List.copyOf(list);
        this.byCode = Map.copyOf(codes);
        Map<String, List<District>> perState = new HashMap<>();
        for (District d : all) {
            perState.computeIfAbsent(d.stateCode(), k -> new ArrayList<>()).add(d);
        }
        perState.replaceAll((k, v) -> List.copyOf(v));
        this.byState = Map.copyOf(perState);
        this.stateNames = Map.copyOf(states);
        Map<String, List<Candidate>> keys = new HashMap<>();
        for (District d : all) {
            addKey(keys, d.name(), d, Candidates.OFFICIAL);
            addKey(keys, d.nameHi(), d, Candidates.OFFICIAL);
            for (String alias : d.aliases()) {
                addKey(keys, alias, d, Candidates.ALIAS);
            }
        }
        keys.replaceAll((k, v) -> List.copyOf(v));
        this.byKey = Map.copyOf(keys);
        this.suggester = new DistrictSuggester(this.byKey, this.byCode);
    }

    /** The shipped table from the classpath ({@code reference/districts.csv}). */
    public static DistrictDirectory load() {
        try (Reader reader = ReferenceCsv.resource(ReferenceCsv.DISTRICTS)) {
            return new DistrictDirectory(ReferenceCsv.districts(reader, "classpath:" + ReferenceCsv.DISTRICTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory of exactly these districts (no shipped rows). */
    public static DistrictDirectory of(Collection<District> districts) {
        return new DistrictDirectory(districts.stream().map(d -> new DistrictRow(d, "")).toList());
    }

    /** This table plus the rows of a CSV file of the same columns; a known code is replaced. */
    public DistrictDirectory withExtra(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return withRows(ReferenceCsv.districts(reader, csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read extra districts " + csv, e);
        }
    }

    /** This table plus {@code extra}; a known code is replaced. */
    public DistrictDirectory withExtra(Collection<District> extra) {
        return withRows(extra.stream().map(d -> new DistrictRow(d, "")).toList());
    }

    private DistrictDirectory withRows(List<DistrictRow> extra) {
        List<DistrictRow> rows = new ArrayList<>(all.size() + extra.size());
        for (District d : all) {
            rows.add(new DistrictRow(d, stateNames.getOrDefault(d.stateCode(), "")));
        }
        rows.addAll(extra);
        return new DistrictDirectory(rows);
    }

    /** Every district, by state code then name. */
    public List<District> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** The district with this LGD code ("396"; surrounding spaces and leading zeros ignored). */
    public Optional<District> byCode(String code) {
        String c = ReferenceCsv.canonicalCode(code);
        return c == null ? Optional.empty() : Optional.ofNullable(byCode.get(c));
    }

    /** The districts of one state (LGD state code), by name; empty for an unknown state. */
    public List<District> inState(String stateCode) {
        String c = ReferenceCsv.canonicalCode(stateCode);
        return c == null ? List.of() : byState.getOrDefault(c, List.of());
    }

    /**
     * The district with this name (English, Hindi or alias; "Bhopal district" works too), or
     * empty when unknown or when the name means districts in several states (e.g. "Aurangabad").
     * An official name beats another district's alias.
     */
    public Optional<District> byName(String name) {
        return Candidates.pick(candidates(name), List.of()).map(Candidates.Pick::district);
    }

    /** Like {@link #byName(String)}, but an ambiguous name resolves to the district in {@code preferStateCode}. */
    public Optional<District> byName(String name, String preferStateCode) {
        String state = ReferenceCsv.canonicalCode(preferStateCode);
        return Candidates.pick(candidates(name), state == null ? List.of() : List.of(state))
                .map(Candidates.Pick::district);
    }

    /** Every district this name can mean, official names first (several when ambiguous). */
    public List<District> allNamed(String name) {
        return Candidates.districts(candidates(name));
    }

    /** A district by LGD code, else by unambiguous name. */
    public Optional<District> resolve(String codeOrName) {
        Optional<District> byCodeResult = byCode(codeOrName);
        return byCodeResult.isPresent() ? byCodeResult : byName(codeOrName);
    }

    /**
     * "Did you mean" for a code or name that does not resolve: up to {@code max} lines such as
     * {@code "396 Bhopal (Madhya Pradesh)"}, best first; empty when nothing is close.
     */
    public List<String> suggest(String input, int max) {
        return suggestDistricts(input, max).stream().map(this::describe).toList();
    }

    /** The districts behind {@link #suggest(String, int)}. */
    public List<District> suggestDistricts(String input, int max) {
        return suggester.suggest(input, max);
    }

    /** "396 Bhopal (Madhya Pradesh)". */
    public String describe(District d) {
        String state = stateNames.get(d.stateCode());
        return d.code() + " " + d.name() + (state == null ? "" : " (" + state + ")");
    }

    /** The key under which names are indexed: {@link NameNormalizer#key} without words like "district". */
    static String nameKey(String name) {
        List<String> tokens = NameNormalizer.tokenKeys(name);
        if (tokens.size() > 1) {
            List<String> kept = tokens.stream().filter(t -> !DISTRICT_WORDS.contains(t)).toList();
            if (!kept.isEmpty()) {
                tokens = kept;
            }
        }
        return String.join("", tokens);
    }

    private List<Candidate> candidates(String name) {
        if (name == null) {
            return List.of();
        }
        return byKey.getOrDefault(nameKey(name), List.of());
    }

    private static void addKey(Map<String, List<Candidate>> keys, String name, District d, int rank) {
        if (name == null || name.isBlank()) {
            return;
        }
        String key = nameKey(name);
        if (!key.isEmpty()) {
            Candidates.add(keys.computeIfAbsent(key, k -> new ArrayList<>()), d, rank);
        }
    }
}
