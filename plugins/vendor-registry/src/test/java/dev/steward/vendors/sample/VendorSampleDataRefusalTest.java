package dev.steward.vendors.sample;

import dev.steward.console.demo.SampleDataLoader;
import dev.steward.console.demo.SampleDataRefused;
import dev.steward.platform.sample.SampleInstall;
import dev.steward.vendors.VendorsTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

/** A registry that holds a real vendor (and nothing else) refuses sample data: no people, no vendors are added. */
@TestPropertySource(properties = "steward.test.context=vendor-sample-data-refusal")
class VendorSampleDataRefusalTest extends VendorsTestBase {

    @Autowired
    SampleDataLoader loader;

    @Test
    void a_registry_with_a_vendor_of_its_own_is_refused_and_nothing_is_written() {
        loginAsOfficer();
        vendor("Real Supplier");

        assertThatThrownBy(loader::load).isInstanceOf(SampleDataRefused.class).hasMessageContaining("records of vendors");

        assertThat(bean(SampleInstall.class).isSampleInstall()).isFalse();
        assertThat(dsl.fetchCount(table("platform.person"))).isZero();
        assertThat(dsl.fetchCount(table("vendors.vendor"))).isEqualTo(1);
    }
}
