package org.warroom.notifier.social;

/**
 * What a provider made of a post: posted (its id and URL), refused (the provider's status and answer; nothing was
 * created), or uncertain (no clear answer: it may have been created — {@code retrySafe} says whether the same
 * request may be sent again without risking a second post).
 */
public record ProviderAnswer(Kind kind, String providerId, String url, Integer status, String body, boolean retrySafe) {

    public enum Kind { POSTED, REFUSED, UNCERTAIN }

    public static ProviderAnswer posted(String id, String url, int status, String body) {
        return new ProviderAnswer(Kind.POSTED, id, url, status, body, false);
    }

    public static ProviderAnswer refused(int status, String body) {
        return new ProviderAnswer(Kind.REFUSED, null, null, status, body, false);
    }

    public static ProviderAnswer uncertain(Integer status, String body, boolean retrySafe) {
        return new ProviderAnswer(Kind.UNCERTAIN, null, null, status, body, retrySafe);
    }
}
