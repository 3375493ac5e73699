/*
 * A small stand-in for bootstrap-table, enough for the tables Great Expectations' Data Docs build with
 * $(...).bootstrapTable({columns, data, rowAttributes, rowStyle, sortName, sortOrder}): it renders the
 * rows (cells are HTML written by GX), sorts them once and makes linked rows clickable. Searching,
 * pagination and filter controls are left out; method calls such as 'resetSearch' do nothing.
 * No public copy of bootstrap-table is installable from PyPI, and the Data Docs must open offline.
 */
(function ($) {
  "use strict";

  function resolve(option) {
    return typeof option === "string" ? window[option] : option;
  }

  function sortKey(column) {
    return column.sortName || column.field;
  }

  function render($table, options) {
    var columns = options.columns || [];
    var rows = (options.data || []).slice();
    var sortColumn = columns.filter(function (c) { return c.field === options.sortName; })[0];
    if (sortColumn) {
      var key = sortKey(sortColumn);
      var direction = options.sortOrder === "desc" ? -1 : 1;
      rows.sort(function (a, b) {
        return a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0;
      });
    }
    var rowAttributes = resolve(options.rowAttributes);
    var rowStyle = resolve(options.rowStyle);

    $table.addClass("table table-sm table-hover").empty();
    var $head = $("<tr>");
    columns.forEach(function (c) { $head.append($("<th>").text(c.title || c.field)); });
    $table.append($("<thead>").append($head));

    var $body = $("<tbody>");
    rows.forEach(function (row, index) {
      var $row = $("<tr>");
      if (rowAttributes) { $row.attr(rowAttributes(row, index)); }
      if (rowStyle) { $row.css((rowStyle(row, index) || {}).css || {}); }
      columns.forEach(function (c) {
        var $cell = $("<td>").html(row[c.field] === undefined ? "" : String(row[c.field]));
        if (c.align) { $cell.css("text-align", c.align); }
        $row.append($cell);
      });
      $row.on("click", function (event) {
        $table.trigger("click-row.bs.table", [row, $row, event]);
        var href = $row.attr("data-href");
        if (href && !$(event.target).closest("a").length) { window.location = href; }
      });
      $body.append($row);
    });
    $table.append($body);
  }

  $.fn.bootstrapTable = function (options) {
    if (typeof options === "string") { return this; }
    return this.each(function () { render($(this), options || {}); });
  };
})(window.jQuery);
