package org.warroom.contracts.account;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a user is reached by alert delivery (API.md): any of an e-mail address, a phone (E.164), a webhook URL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(String email, String phone, String webhook) {
    public static final Contact NONE = new Contact(null, null, null);

    public boolean isEmpty() {
        return email == null && phone == null && webhook == null;
    }
}
