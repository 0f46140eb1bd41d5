package dev.steward.platform.people;

public record ImportResult(int added, int changed, int unchanged, int orgUnitsCreated) {
}
