package org.chorus.console.signin;

import java.io.Serializable;

/** What the sign-in form sends besides e-mail and password: the authenticator's code, and who is signing in. */
record SignInDetails(String code, String clientAddress) implements Serializable {

    @Override
    public String toString() {
        return "SignInDetails";
    }
}
