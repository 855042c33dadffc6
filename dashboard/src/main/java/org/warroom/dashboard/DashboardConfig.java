package org.warroom.dashboard;

import java.nio.file.Path;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.notify.AckLinks;
import org.warroom.dashboard.bulletin.BulletinSettings;
import org.warroom.dashboard.report.PdfFontFile;
import org.warroom.dashboard.report.ReportSchedule;
import org.warroom.dashboard.live.LiveSettings;
import org.warroom.dashboard.security.LoginLimits;
import org.warroom.dashboard.security.SessionSettings;
import org.warroom.dashboard.security.TlsSettings;
import org.warroom.elastic.ElasticSettings;

/**
 * The dashboard service's configuration, read once at start and validated: {@code dashboard.host}
 * (default 127.0.0.1; 0.0.0.0 in containers), {@code dashboard.port} (8080; 0 picks a free port), Kafka and
 * Elasticsearch, the local data folder {@code data.dir} where generated first secrets are kept, the first
 * administrator's password {@code admin.password} (generated when unset), sessions ({@link SessionSettings}),
 * login throttling ({@link LoginLimits}), TLS ({@link TlsSettings}), the live push ({@link LiveSettings}) and the alert-delivery routes
 * ({@link AckLinks}: the acknowledgement links, their secret shared with the notifier) and the public bulletin
 * ({@link BulletinSettings}), the situation report's schedule ({@link ReportSchedule}) and PDF font
 * ({@link PdfFontFile}), social-media posts ({@link org.warroom.dashboard.posts.PostSettings}), and with several instances which one owns the writes
 * ({@link org.warroom.dashboard.cluster.WritesOwnerSettings}), click-to-call for campaign agents
 * ({@link org.warroom.dashboard.campaign.dial.DialSettings}; empty: agents dial by hand), and single sign-on when
 * configured ({@link org.warroom.dashboard.sso.OidcSettings}).
 */
public record DashboardConfig(String host, int port, KafkaSettings kafka, ElasticSettings elastic, Path dataDir,
                              Optional<String> adminPassword, SessionSettings sessions, LoginLimits login,
                              TlsSettings tls, LiveSettings live, AckLinks ackLinks,
                              BulletinSettings bulletin, ReportSchedule reports, Optional<PdfFontFile> reportFont,
                              org.warroom.contracts.complaint.ComplaintSla complaintSla,
                              org.warroom.dashboard.cluster.WritesOwnerSettings writesOwner,
                              org.warroom.contracts.settings.SettingsCatalog runtimeSettings,
                              org.warroom.dashboard.posts.PostSettings posts,
                              Optional<org.warroom.dashboard.campaign.dial.DialSettings> dial,
                              Optional<org.warroom.dashboard.sso.OidcSettings> oidc,
                              org.warroom.contracts.complaint.EscalationMatrix complaintEscalation) {

    public static DashboardConfig from(Settings settings) {
        TlsSettings tls = TlsSettings.from(settings);
        Optional<String> adminPassword = settings.find("admin.password");
        adminPassword.ifPresent(p -> {
            if (p.length() < 10) {
                throw new ConfigException("admin.password", "must be at least 10 characters long");
            }
        });
        AckLinks ackLinks = AckLinks.from(settings);
        return new DashboardConfig(
                settings.get("dashboard.host", "127.0.0.1"),
                settings.getPort("dashboard.port", 8080),
                KafkaSettings.from(settings),
                ElasticSettings.from(settings),
                Path.of(settings.get("data.dir", ".warroom")),
                adminPassword,
                SessionSettings.from(settings, tls.enabled()),
                LoginLimits.from(settings),
                tls,
                LiveSettings.from(settings),
                ackLinks,
                BulletinSettings.from(settings),
                ReportSchedule.from(settings),
                PdfFontFile.from(settings),
                org.warroom.contracts.complaint.ComplaintSla.from(settings),
                org.warroom.dashboard.cluster.WritesOwnerSettings.from(settings),
                org.warroom.contracts.settings.SettingsCatalog.from(settings),
                org.warroom.dashboard.posts.PostSettings.from(settings, ackLinks.publicUrl()),
                org.warroom.dashboard.campaign.dial.DialSettings.from(settings),
                org.warroom.dashboard.sso.OidcSettings.from(settings),
                org.warroom.contracts.complaint.EscalationMatrix.from(settings));
    }

    /** Where the generated first administrator password is kept (read by {@code bin/warroom}). */
    public Path adminPasswordFile() {
        return dataDir.resolve("secrets").resolve("admin-password");
    }
}
