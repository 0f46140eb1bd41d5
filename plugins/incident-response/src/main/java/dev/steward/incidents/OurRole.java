package dev.steward.incidents;

/** Our role for the personal data involved: it decides who we must notify (a processor tells its controller). */
public enum OurRole {
    CONTROLLER, PROCESSOR
}
