package vn.egov.portal.interfaces.signin;

/** The portal's own addresses of the sign-in, relative to the portal. */
final class SignInPaths {

    /** Where the identity provider returns the browser with the authorization code. */
    static final String CALLBACK = "/oidc/callback";
    /** Sign-out (POST from the portal's header). */
    static final String SIGN_OUT = "/signout";

    private SignInPaths() {}
}
