package se.socialportal.rules;

/** A rule value with the version and period of the file it came from. */
public record Dated<T>(String version, EffectivePeriod period, T value) {
}
