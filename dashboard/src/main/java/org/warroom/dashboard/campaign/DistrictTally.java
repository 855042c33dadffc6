package org.warroom.dashboard.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's progress by the workers' home district: each member's district as a two-byte number (about 3 MB for
 * 16 lakh workers) and, per district, its size and how many are verified, reached, closed and exhausted, kept by the
 * queue as it counts the whole. Not thread-safe: the queue guards it.
 */
final class DistrictTally {
    /** The district of workers whose home district is not known. */
    static final String UNKNOWN = "unknown";

    private final short[] districtOf;
    private final List<String> codes = new ArrayList<>();
    private int[] size = new int[0];
    private int[] verified = new int[0];
    private int[] reached = new int[0];
    private int[] closed = new int[0];
    private int[] exhausted = new int[0];

    /** {@code homeDistricts} in calling order, or null when they are not known (every worker counts as unknown). */
    DistrictTally(int members, List<String> homeDistricts) {
        districtOf = new short[members];
        Map<String, Short> ordinal = new HashMap<>();
        for (int i = 0; i < members; i++) {
            String code = homeDistricts == null || homeDistricts.get(i) == null ? UNKNOWN : homeDistricts.get(i);
            Short d = ordinal.get(code);
            if (d == null) {
                if (codes.size() >= Short.MAX_VALUE) {
                    throw new IllegalArgumentException("more than " + Short.MAX_VALUE + " home districts");
                }
                d = (short) codes.size();
                ordinal.put(code, d);
                codes.add(code);
            }
            districtOf[i] = d;
        }
        int n = codes.size();
        size = new int[n];
        verified = new int[n];
        reached = new int[n];
        closed = new int[n];
        exhausted = new int[n];
        for (short d : districtOf) {
            size[d]++;
        }
    }

    String district(int position) {
        return codes.get(districtOf[position]);
    }

    /** Adds ({@code +1}) or takes away ({@code -1}) one worker's standing. */
    void count(int position, int sign, boolean isVerified, boolean isReached, boolean isClosed, boolean isExhausted) {
        int d = districtOf[position];
        verified[d] += isVerified ? sign : 0;
        reached[d] += isReached ? sign : 0;
        closed[d] += isClosed ? sign : 0;
        exhausted[d] += isExhausted ? sign : 0;
    }

    List<DistrictProgress> progress() {
        List<DistrictProgress> out = new ArrayList<>(codes.size());
        for (int d = 0; d < codes.size(); d++) {
            out.add(new DistrictProgress(codes.get(d), size[d], verified[d], reached[d],
                    size[d] - closed[d] - exhausted[d], exhausted[d]));
        }
        out.sort((a, b) -> a.district().compareTo(b.district()));
        return out;
    }
}
