package org.warroom.notifier;

import org.warroom.contracts.notify.ChannelKind;

/**
 * One message to one address on one channel.
 *
 * @param deliveryId the notification's id (a digest: its first alert's), sent along so receivers can de-duplicate
 * @param address    the e-mail address, phone number (E.164) or webhook URL
 * @param subject    a one-line summary (e-mail subject)
 * @param text       the plain text (e-mail body, SMS, WhatsApp), Hindi kept as is
 * @param json       the webhook body (UTF-8 JSON)
 */
public record Outgoing(String deliveryId, ChannelKind channel, String address, String subject, String text,
                       byte[] json) {
}
