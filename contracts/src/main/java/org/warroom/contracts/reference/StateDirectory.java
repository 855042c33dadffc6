package org.warroom.contracts.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states and union territories of India by LGD code, resolvable from a code or any name
 * ("23", "madhya pradesh", "MP", "मध्य प्रदेश" all mean "23"). Immutable.
 */
public final class StateDirectory {

    private final List<State> all;
    private final Map<String, State> byCode;
    private final Map<String, State> byKey;

    private StateDirectory(Collection<State> states) {
        Map<String, State> codes = new LinkedHashMap<>();
        for (State s : states) {
            codes.put(s.code(), s);
        }
        List<State> list = new ArrayList<>(codes.values());
        list.sort(Comparator.comparing(State::code, Candidates::compareCodes));
        this.all = List.copyOf(list);
        this.byCode = Map.copyOf(codes);
        Map<String, State> keys = new HashMap<>();
        // official names first, so that an alias never takes another state's name
        for (State s : all) {
            keys.putIfAbsent(NameNormalizer.key(s.name()), s);
            if (!s.nameHi().isEmpty()) {
                keys.putIfAbsent(NameNormalizer.key(s.nameHi()), s);
            }
        }
        for (State s : all) {
            for (String alias : s.aliases()) {
                String key = NameNormalizer.key(alias);
                if (!key.isEmpty()) {
                    keys.putIfAbsent(key, s);
                }
            }
        }
        this.byKey = Map.copyOf(keys);
    }

    /** The shipped table from the classpath ({@code reference/states.csv}). */
    public static StateDirectory load() {
        try (Reader reader = ReferenceCsv.resource(ReferenceCsv.STATES)) {
            return new StateDirectory(ReferenceCsv.states(reader, "classpath:" + ReferenceCsv.STATES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory of exactly these states. */
    public static StateDirectory of(Collection<State> states) {
        return new StateDirectory(states);
    }

    /** Every state, by code. */
    public List<State> all() {
        return all;
    }

    /** The state with this LGD code ("23", " 09 " = "9"). */
    public Optional<State> byCode(String code) {
        String c = ReferenceCsv.canonicalCode(code);
        return c == null ? Optional.empty() : Optional.ofNullable(byCode.get(c));
    }

    /** The LGD code of the state given by code, name or alias in any case ("MP", "madhya pradesh", "23"). */
    public Optional<String> resolve(String codeOrName) {
        return resolveState(codeOrName).map(State::code);
    }

    /** The state given by code, name or alias in any case. */
    public Optional<State> resolveState(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        Optional<State> s = byCode(codeOrName);
        return s.isPresent() ? s : Optional.ofNullable(byKey.get(NameNormalizer.key(codeOrName)));
    }
}
