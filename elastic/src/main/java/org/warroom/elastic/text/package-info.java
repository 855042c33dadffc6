/**
 * Search keys: how a word is folded so that the same word typed in another script or spelling finds it
 * ({@code doodh}, {@code dudh} and {@code दूध} all fold to {@code dud}). The indexer writes the keys of every text
 * beside it ({@link org.warroom.elastic.text.TextKeys#FIELD}); the dashboard folds the words of a query the same way,
 * so local, test and production match alike whatever analysis modules their Elasticsearch has.
 */
package org.warroom.elastic.text;
