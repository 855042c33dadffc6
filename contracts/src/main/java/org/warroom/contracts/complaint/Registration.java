package org.warroom.contracts.complaint;

/**
 * What a call-taker (or a desk, or a citizen's message) gives to register a complaint, already checked
 * ({@link ComplaintText}); {@code commodity}, {@code name}, {@code message}, {@code call} may be null.
 *
 * @param language {@code hi} or {@code en}: the citizen's language, for replies
 * @param message  the citizen message this complaint was made of (its id), kept as a link
 */
public record Registration(String phone, String name, String district, String category, String commodity,
                           String text, ComplaintChannel channel, String language, String message, String call) {
}
