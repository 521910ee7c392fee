package io.meshwork.model.definition;

/** The life-cycle state of a product version. */
public enum Status { DRAFT, ACTIVE, DEPRECATED }
