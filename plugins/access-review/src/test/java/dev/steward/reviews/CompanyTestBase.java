package dev.steward.reviews;

import dev.steward.platform.people.PeopleDirectory;
import dev.steward.platform.security.UserAccountService;
import dev.steward.reviews.campaigns.CampaignService;
import dev.steward.reviews.systems.SystemInfo;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A test over the fixture's company ({@link CampaignFixture}: Maria's team, its users and an orphan account) and its
 * ERP, made fresh before each test; signed in as the administrator Ivy. A subclass's own {@code @BeforeEach} runs after.
 */
public abstract class CompanyTestBase extends ReviewsTestBase {

    @Autowired
    protected PeopleDirectory people;
    @Autowired
    protected UserAccountService users;
    @Autowired
    protected DSLContext dsl;

    protected CampaignFixture company;
    protected SystemInfo erp;
    protected CampaignService campaigns;

    /** Who owns the ERP (reviews under the system-owner rule go to them): nobody, unless a test says otherwise. */
    protected Long erpOwner() {
        return null;
    }

    @BeforeEach
    void aCompanyAndItsErp() {
        company = new CampaignFixture();
        company.createPeopleAndUsers(people, users);
        erp = fixtureErp(company, erpOwner());
        campaigns = bean(CampaignService.class);
    }
}
