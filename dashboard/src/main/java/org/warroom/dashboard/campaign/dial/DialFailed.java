package org.warroom.dashboard.campaign.dial;

/** The provider did not place the call: unreachable, refused our credentials, or refused the request (why, numbers masked). */
public final class DialFailed extends Exception {
    private final int status;

    public DialFailed(int status, String reason) {
        super(PhoneMask.mask(reason));
        this.status = status;
    }

    /** The provider's HTTP status (0: not reached). */
    public int status() {
        return status;
    }
}
