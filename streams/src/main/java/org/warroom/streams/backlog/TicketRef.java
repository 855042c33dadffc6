package org.warroom.streams.backlog;

/** One ticket of one district × department ({@code group} is {@code district|department}). */
record TicketRef(String group, String ticket) {
    /** Its key in the store of open tickets. */
    String openKey() {
        return group + "|" + ticket;
    }
}
