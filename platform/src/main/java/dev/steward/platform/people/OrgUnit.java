package dev.steward.platform.people;

public record OrgUnit(long id, String code, String name, Long parentId, String parentCode, int version) {
}
