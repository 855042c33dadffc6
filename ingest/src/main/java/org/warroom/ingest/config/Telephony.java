package org.warroom.ingest.config;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * How telephony callbacks (Twilio voice, Exotel, Asterisk CDR) become call steps: which helpline line a called
 * number belongs to, which district a caller is in, and the time zone of provider times without an offset.
 *
 * <ul>
 *   <li>{@code telephony.lines}: {@code number=line} or {@code number=line:district}, comma separated, e.g.
 *       {@code 181=181,104=104,07552540000=district-control:396}. The district is the district of that line's
 *       control room.</li>
 *   <li>{@code telephony.caller.districts}: {@code prefix=district}, comma separated, prefixes of the national
 *       number (without +91 or 0), e.g. {@code 755=396,612=230}; the longest prefix wins.</li>
 *   <li>{@code telephony.default.line}: the line of called numbers not in the map (else such callbacks are
 *       dead-lettered).</li>
 *   <li>{@code telephony.zone}: the zone of Exotel and Asterisk times (default Asia/Kolkata).</li>
 * </ul>
 */
public record Telephony(Map<String, Route> lines, Map<String, String> callerDistricts, Optional<String> defaultLine,
                        ZoneId zone) {

    /** The line a called number reaches, and the district of its control room when it is a district line. */
    public record Route(String line, String district) {
    }

    public Telephony {
        lines = Map.copyOf(lines);
        callerDistricts = Map.copyOf(callerDistricts);
    }

    public static Telephony from(Settings settings, List<String> knownLines) {
        Map<String, Route> lines = new LinkedHashMap<>();
        for (String entry : list(settings.get("telephony.lines", ""))) {
            String[] kv = pair("telephony.lines", entry);
            String[] lineDistrict = kv[1].split(":", 2);
            if (!knownLines.contains(lineDistrict[0])) {
                throw new ConfigException("telephony.lines", "names line '" + lineDistrict[0] + "', not one of " + knownLines);
            }
            lines.put(PhoneNumbers.national(kv[0]), new Route(lineDistrict[0], lineDistrict.length > 1 ? lineDistrict[1] : null));
        }
        Map<String, String> callers = new LinkedHashMap<>();
        for (String entry : list(settings.get("telephony.caller.districts", ""))) {
            String[] kv = pair("telephony.caller.districts", entry);
            callers.put(PhoneNumbers.national(kv[0]), kv[1]);
        }
        Optional<String> defaultLine = settings.find("telephony.default.line");
        defaultLine.filter(l -> !knownLines.contains(l)).ifPresent(l -> {
            throw new ConfigException("telephony.default.line", "is '" + l + "', not one of " + knownLines);
        });
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.get("telephony.zone", "Asia/Kolkata"));
        } catch (RuntimeException e) {
            throw new ConfigException("telephony.zone", "must be a time zone such as Asia/Kolkata");
        }
        return new Telephony(lines, callers, defaultLine, zone);
    }

    /** The route of a called number: the mapped one, else the default line, else empty. */
    public Optional<Route> route(String calledNumber) {
        Route r = lines.get(PhoneNumbers.national(calledNumber));
        if (r != null) {
            return Optional.of(r);
        }
        return defaultLine.map(l -> new Route(l, null));
    }

    /** The district of a caller by the longest matching prefix, if any. */
    public Optional<String> callerDistrict(String callerNumber) {
        String n = PhoneNumbers.national(callerNumber);
        return callerDistricts.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && n.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private static List<String> list(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String[] pair(String key, String entry) {
        String[] kv = entry.split("=", 2);
        if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
            throw new ConfigException(key, "has entry '" + entry + "', expected number=value");
        }
        return new String[] {kv[0].strip(), kv[1].strip()};
    }
}
