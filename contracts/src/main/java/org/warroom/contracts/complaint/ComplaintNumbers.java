package org.warroom.contracts.complaint;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.StateDirectory;

/**
 * Hands out complaint numbers, one sequence per district. Never the same number twice, across restarts too: the
 * owner feeds every stored complaint's number to {@link #observe} before the first {@link #next} (it reads the
 * complaints topic from the beginning at start), and a number handed out is never handed out again in this
 * process even when storing its complaint failed (a gap, not a repeat). One allocating instance per district
 * (docs/COMPLAINTS.md).
 */
public final class ComplaintNumbers {
    private final StateDirectory states;
    private final Map<String, Long> last = new HashMap<>();

    public ComplaintNumbers(StateDirectory states) {
        this.states = states;
    }

    /** Remembers a number that exists, so that the sequence continues after it. */
    public synchronized void observe(ComplaintNumber number) {
        last.merge(number.prefix(), number.sequence(), Math::max);
    }

    /** The next number of {@code district}. */
    public synchronized ComplaintNumber next(District district) {
        String state = stateCode(district.stateCode());
        ComplaintNumber number = new ComplaintNumber(state, district.code(),
                last.getOrDefault(state + "-" + district.code(), 0L) + 1);
        last.put(number.prefix(), number.sequence());
        return number;
    }

    /** The state's two-letter code ({@code MP}, {@code BR}: its first such alias), else {@code S} + its LGD code. */
    public String stateCode(String lgdStateCode) {
        Optional<String> letters = states.byCode(lgdStateCode).flatMap(s -> s.aliases().stream()
                .filter(a -> a.matches("[A-Z]{2}")).findFirst());
        return letters.orElse("S" + lgdStateCode);
    }
}
