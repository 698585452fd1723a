package org.visaport.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.client.ServiceInstance;

class ServiceAddressesTest {

    @Test
    void aCommaSeparatedListIsOneInstancePerAddressAndASingleAddressIsOneInstance() {
        ServiceAddresses addresses = bind(Map.of(
                "visaport.gateway.services.news-service", "http://127.0.0.1:8082, http://127.0.0.1:18082",
                "visaport.gateway.services.identity-service", "https://identity.internal"));

        ListedInstances news = ListedInstances.of("news-service", addresses.instancesOf("news-service"));
        assertThat(news.instances()).extracting(ServiceInstance::getInstanceId, ServiceInstance::getHost, ServiceInstance::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("news-service-0", "127.0.0.1", 8082),
                        org.assertj.core.groups.Tuple.tuple("news-service-1", "127.0.0.1", 18082));
        ServiceInstance identity = ListedInstances.of("identity-service", addresses.instancesOf("identity-service")).instances().getFirst();
        assertThat(identity.isSecure()).isTrue();
        assertThat(identity.getPort()).isEqualTo(443);
        assertThat(identity.getUri()).hasToString("https://identity.internal:443");
    }

    @Test
    void anAddressThatIsNoHttpBaseUriStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("visaport.gateway.services.news-service", "127.0.0.1:8082")))
                .isInstanceOf(BindException.class).hasMessageContaining("visaport.gateway.services.news-service");
        assertThatThrownBy(() -> bind(Map.of("visaport.gateway.services.news-service", "http://127.0.0.1:8082,tcp://127.0.0.1:18082")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("news-service").hasMessageContaining("tcp://127.0.0.1:18082");
    }

    @Test
    void aRouteToAServiceWithNoAddressSaysWhichIsMissing() {
        ServiceAddresses addresses = bind(Map.of("visaport.gateway.services.news-service", "http://127.0.0.1:8082"));
        assertThatThrownBy(() -> addresses.instancesOf("comment-service")).hasMessageContaining("comment-service");
    }

    private static ServiceAddresses bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("visaport.gateway", ServiceAddresses.class).get();
    }
}
