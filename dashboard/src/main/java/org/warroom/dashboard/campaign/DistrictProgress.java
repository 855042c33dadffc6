package org.warroom.dashboard.campaign;

/**
 * A campaign's progress among the workers of one home district ({@code district}: LGD code, or {@code unknown}),
 * counted like the campaign's own (pending = size − closed − exhausted).
 */
public record DistrictProgress(String district, int size, int verified, int reached, int pending, int exhausted) {
}
