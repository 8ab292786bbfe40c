-- Drives `mtlint server` from a real, headless Neovim: 0.7 (Debian bookworm's 0.7.2,
-- the tested one) with start_client and buf_attach_client, 0.8+ with vim.lsp.start.
--
-- Run by tests/lsp_neovim.rs:
--   nvim --headless --clean -c 'luafile tests/lsp_neovim.lua'
-- with MTLINT_BIN (the server binary), MTLINT_FILE (a copy of the fixture: it is
-- fixed and written in place), MTLINT_RESULT (where to write what happened, as JSON)
-- and MTLINT_ENCODING (`utf-16`: Neovim's default; `utf-8`: offered by the client).
--
-- The script records what it saw; the Rust test asserts on it and on the written file.

local bin = assert(os.getenv('MTLINT_BIN'), 'MTLINT_BIN')
local file = assert(os.getenv('MTLINT_FILE'), 'MTLINT_FILE')
local result_path = assert(os.getenv('MTLINT_RESULT'), 'MTLINT_RESULT')
local encoding = os.getenv('MTLINT_ENCODING') or 'utf-16'
local TIMEOUT = 10000

local result = { encoding = encoding, steps = {} }

local function save_result()
  local f = assert(io.open(result_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function step(name)
  table.insert(result.steps, name)
end

-- Diagnostics as Neovim stores them: 0-based lines, 0-based BYTE columns, converted
-- by Neovim from the server's positions with the negotiated encoding.
local function diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      code = d.code, severity = d.severity, source = d.source, message = d.message,
    })
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

local function wait_for_count(bufnr, n, what)
  local ok = vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(bufnr) == n
  end, 20)
  if not ok then
    error(string.format('%s: wanted %d diagnostics, have %s', what, n,
      vim.inspect(diagnostics(bufnr))))
  end
end

-- Ask the server for code actions, as `vim.lsp.buf.code_action()` does, without its
-- interactive menu.
local function code_actions(bufnr, params)
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, TIMEOUT)
  assert(responses, 'no answer to textDocument/codeAction')
  local actions = {}
  for _, response in pairs(responses) do
    assert(not response.err, vim.inspect(response.err))
    for _, action in ipairs(response.result or {}) do
      table.insert(actions, action)
    end
  end
  return actions
end

local function main()
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if encoding == 'utf-8' then
    capabilities.general = capabilities.general or {}
    capabilities.general.positionEncodings = { 'utf-8', 'utf-16' }
  end
  local exited = nil
  local config = {
    name = 'mtlint',
    cmd = { bin, 'server' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    capabilities = capabilities,
    offset_encoding = encoding,
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  }

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id
  if vim.fn.has('nvim-0.8') == 1 then
    -- Newer Neovim (start_client is deprecated from 0.11 on).
    client_id = vim.lsp.start(config, { bufnr = bufnr })
    assert(client_id, 'vim.lsp.start failed')
  else
    -- Neovim 0.7 (Debian bookworm).
    client_id = vim.lsp.start_client(config)
    assert(client_id, 'start_client failed')
    assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  end
  step('attached')

  -- 1. Diagnostics on open (so the server is initialized).
  wait_for_count(bufnr, 2, 'after open')
  local client = vim.lsp.get_client_by_id(client_id)
  result.server_position_encoding = (client.server_capabilities or {}).positionEncoding
  result.opened = diagnostics(bufnr)
  step('diagnostics')

  -- 2. Hover on the first finding, with the cursor on it.
  local first = result.opened[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local at = vim.lsp.util.make_position_params(0, encoding)
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', at, TIMEOUT)
  for _, response in pairs(hovers or {}) do
    if response.result then
      result.hover = response.result.contents.value
    end
  end
  step('hover')

  -- 3. The quick fix at the cursor, applied as the code action menu would.
  local params = vim.lsp.util.make_range_params(0, encoding)
  params.context = { diagnostics = {}, only = { 'quickfix' } }
  local actions = code_actions(bufnr, params)
  result.quickfix_titles = {}
  for _, action in ipairs(actions) do
    table.insert(result.quickfix_titles, action.title)
  end
  assert(#actions >= 1, 'no quick fix at the first diagnostic')
  vim.lsp.util.apply_workspace_edit(actions[1].edit, encoding)
  wait_for_count(bufnr, 1, 'after the quick fix')
  result.after_quickfix = diagnostics(bufnr)
  step('quickfix')

  -- 4. "Fix all safe problems", requested by kind as a save hook would.
  params = vim.lsp.util.make_range_params(0, encoding)
  params.context = { diagnostics = {}, only = { 'source.fixAll.mtlint' } }
  actions = code_actions(bufnr, params)
  result.fix_all_titles = {}
  for _, action in ipairs(actions) do
    table.insert(result.fix_all_titles, action.title)
  end
  assert(#actions == 1, 'wanted one fix-all action')
  vim.lsp.util.apply_workspace_edit(actions[1].edit, encoding)
  wait_for_count(bufnr, 0, 'after fix all')
  step('fix all')

  -- 5. Write the buffer (didSave), then shut the server down (shutdown + exit).
  vim.cmd('write')
  step('written')
  vim.lsp.stop_client(client_id)
  local stopped = vim.wait(TIMEOUT, function() return exited ~= nil end, 20)
  assert(stopped, 'the server did not exit')
  result.server_exit = exited
  step('stopped')
end

local ok, err = pcall(main)
if not ok then
  result.error = tostring(err)
end
save_result()
if ok then
  vim.cmd('qall!')
else
  vim.cmd('cquit 1')
end
