/**
 * Comments under videos: one level of replies, newest or top order, edits, deletes and comment likes.
 * Other features hear of new comments through {@link dev.marquee.platform.comment.CommentPosted}.
 */
package dev.marquee.platform.comment;
