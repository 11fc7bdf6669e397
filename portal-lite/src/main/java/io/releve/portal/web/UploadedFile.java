package io.releve.portal.web;

/**
 * A file part of a {@code multipart/form-data} form.
 *
 * @param fileName the name the browser gave, without any folder part (may be empty)
 * @param contentType the part's content type, {@code application/octet-stream} when not given
 * @param bytes the file's bytes, exactly as sent
 */
public record UploadedFile(String fileName, String contentType, byte[] bytes) {}
