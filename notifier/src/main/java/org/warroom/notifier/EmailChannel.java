package org.warroom.notifier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.Delivery;

/**
 * E-mail over SMTP with Jakarta Mail: {@code smtp.url} is {@code smtp://host:port} (STARTTLS used whenever the
 * server offers it; required with {@code smtp.starttls.required}) or {@code smtps://host:port} (TLS from the
 * start); a user and password come from the URL or {@code smtp.user}/{@code smtp.password}. Plain UTF-8 text.
 * Sending blocks, so it runs on a worker thread.
 */
public final class EmailChannel implements Channel {
    private final Vertx vertx;
    private final Session session;
    private final boolean ssl;
    private final String host;
    private final int port;
    private final Optional<String> user;
    private final Optional<String> password;
    private final String from;
    private final Clock clock;

    public EmailChannel(Vertx vertx, URI smtpUrl, Optional<String> user, Optional<String> password, String from,
                        boolean startTlsRequired, Duration timeout, Clock clock) {
        this.vertx = vertx;
        this.ssl = "smtps".equalsIgnoreCase(smtpUrl.getScheme());
        this.host = smtpUrl.getHost();
        this.port = smtpUrl.getPort() > 0 ? smtpUrl.getPort() : ssl ? 465 : 587;
        String info = smtpUrl.getRawUserInfo();
        if (info != null && user.isEmpty()) {
            int colon = info.indexOf(':');
            user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
            password = colon < 0 ? password : Optional.of(decode(info.substring(colon + 1)));
        }
        this.user = user;
        this.password = password;
        this.from = from;
        this.clock = clock;
        String p = ssl ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put(p + "host", host);
        props.put(p + "port", Integer.toString(port));
        props.put(p + "connectiontimeout", Long.toString(timeout.toMillis()));
        props.put(p + "timeout", Long.toString(timeout.toMillis()));
        props.put(p + "writetimeout", Long.toString(timeout.toMillis()));
        props.put(p + "auth", Boolean.toString(this.user.isPresent()));
        if (!ssl) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", Boolean.toString(startTlsRequired));
        }
        props.put("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(props);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public Future<Void> send(Outgoing message) {
        return vertx.executeBlocking(() -> {
            MimeMessage mail = new MimeMessage(session);
            try {
                mail.setFrom(new InternetAddress(from));
                mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.address(), true));
            } catch (MessagingException e) {
                throw new PermanentFailure("bad address: " + e.getMessage());
            }
            mail.setSubject(message.subject(), "UTF-8");
            mail.setText(message.text(), "UTF-8");
            mail.setSentDate(Date.from(clock.instant()));
            mail.setHeader("X-Warroom-Delivery", message.deliveryId());
            try (Transport transport = session.getTransport(ssl ? "smtps" : "smtp")) {
                transport.connect(host, port, user.orElse(null), password.orElse(null));
                transport.sendMessage(mail, mail.getAllRecipients());
            } catch (SendFailedException e) {
                throw new PermanentFailure("the server refused the address: " + e.getMessage());
            }
            return null;
        }, false);
    }

    /**
     * Sends one UTF-8 text with a PDF attached to every address of {@code to} (one message; used for the situation
     * report's distribution list). Blocking work on a worker thread, as {@link #send(Outgoing)}.
     */
    public Future<Void> sendWithPdf(List<String> to, String subject, String text, String fileName, byte[] pdf) {
        return vertx.executeBlocking(() -> {
            MimeMessage mail = new MimeMessage(session);
            try {
                mail.setFrom(new InternetAddress(from));
                mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to), true));
            } catch (MessagingException e) {
                throw new PermanentFailure("bad address: " + e.getMessage());
            }
            mail.setSubject(subject, "UTF-8");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName(fileName);
            attachment.setHeader("Content-Transfer-Encoding", "base64"); // binary as it is, never line-converted
            mail.setContent(new MimeMultipart(body, attachment));
            mail.setSentDate(Date.from(clock.instant()));
            try (Transport transport = session.getTransport(ssl ? "smtps" : "smtp")) {
                transport.connect(host, port, user.orElse(null), password.orElse(null));
                transport.sendMessage(mail, mail.getAllRecipients());
            } catch (SendFailedException e) {
                throw new PermanentFailure("the server refused an address: " + e.getMessage());
            }
            return null;
        }, false);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
