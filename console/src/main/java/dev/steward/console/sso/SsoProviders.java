package dev.steward.console.sso;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The OpenID Connect providers configured for sign-in ({@code spring.security.oauth2.client.registration.*}), if any. */
@Component
public class SsoProviders {

    /** One provider as the sign-in page offers it. */
    public record Provider(String registrationId, String name) {

        /** Where the sign-in page's link starts the sign-in (Spring Security's authorization request endpoint). */
        public String signInPath() {
            return "oauth2/authorization/" + registrationId;
        }
    }

    private final List<Provider> providers;

    public SsoProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration client) {
                    found.add(new Provider(client.getRegistrationId(), client.getClientName()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    public List<Provider> all() {
        return providers;
    }

    public boolean configured() {
        return !providers.isEmpty();
    }
}
