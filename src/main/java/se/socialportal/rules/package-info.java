/**
 * The robot's rules as data: loads robots/ once at startup (JSON Schema + semantic checks), refuses a malformed file
 * with the file, the place in it and what is wrong, and answers "the rules in force for tenant T in month M"
 * ({@link se.socialportal.rules.RuleBook}). See docs/norm.md.
 */
package se.socialportal.rules;
