package org.warroom.dashboard.campaign.dial;

/**
 * A call the provider accepted: {@code call} is its id as the calls feed names it ({@code <provider>:<sid>}, the id
 * ingest gives the steps of its status callbacks), {@code status} the provider's first status (queued, in-progress).
 */
public record DialedCall(String call, String status) {
    /** The id ingest's webhooks give a provider's call (docs/EVENTS.md): provider, colon, its SID in safe characters. */
    static DialedCall of(DialProvider provider, String sid, String status) {
        return new DialedCall(provider.wire() + ":" + sid.replaceAll("[^A-Za-z0-9._:@-]", "_"), status);
    }
}
