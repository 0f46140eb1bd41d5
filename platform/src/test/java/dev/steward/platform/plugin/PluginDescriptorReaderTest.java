package dev.steward.platform.plugin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginDescriptorReaderTest {

    @Test
    void a_descriptor_is_read_without_loading_any_plugin_class() {
        PluginDescriptor d = PluginDescriptorReader.read(getClass().getResource("/descriptors/good.properties"));
        assertThat(d.id()).isEqualTo("good-one");
        assertThat(d.requires()).containsExactly("a", "b");
        assertThat(d.schema()).isEqualTo("good_one");
        assertThat(d.migrations()).isEqualTo("db/good-one");
        assertThat(d.configuration()).isEqualTo("x.Config"); // a class that does not exist: never loaded here
    }

    @Test
    void an_invalid_id_is_refused_with_the_rule() {
        assertThatThrownBy(() -> PluginDescriptorReader.read(getClass().getResource("/descriptors/bad-id.properties")))
                .hasMessageContaining("id 'Bad Id' must be lower-case letters, digits and dashes");
    }

    @Test
    void a_missing_key_is_named() {
        assertThatThrownBy(() -> PluginDescriptorReader.read(getClass().getResource("/descriptors/no-version.properties")))
                .hasMessageContaining("'version' is missing");
    }
}
