package se.socialportal.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.CheckConstraints;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("The intake channels the rules know are the ones the database lets an application have")
class IntakeChannelTest {

  @Test
  @DisplayName("IntakeChannel and the CHECK on application.channel list the same channels")
  void sameAsTheDatabase() {
    assertEquals(CheckConstraints.allowedValues("application", "channel"), new TreeSet<>(IntakeChannel.codes()));
  }
}
