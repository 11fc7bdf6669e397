/**
 * Passwords (Argon2id hashes, the password rule) and the random tokens of activation and reset
 * links.
 */
package io.releve.portal.auth;
