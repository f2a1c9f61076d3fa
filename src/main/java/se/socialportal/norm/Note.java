package se.socialportal.norm;

import java.util.List;

/** One reason on a line, as a code and its arguments (see {@link NoteCode} for each code's arguments). */
public record Note(NoteCode code, List<Object> args) {

  public Note(NoteCode code, Object... args) {
    this(code, List.of(args));
  }
}
