-- Neovim as a real LSP client of dist/server.js (Neovim 0.7.2 and later).
-- Run: nvim --headless -u NONE -i NONE -c 'luafile check.lua'
-- Env: REFERAT_SERVER (dist/server.js), REFERAT_FILE (a referat to open), REFERAT_ROOT (workspace
-- folder), REFERAT_QUERY (a workspace/symbol query); with REFERAT_CASE_LINE/CHAR/MEETINGS also the hover
-- and references of a case number at that position. Prints the answers as JSON between markers
-- on stdout; any error ends nvim with a non-zero exit code instead of leaving it hanging.

local TIMEOUT_MS = 15000

local function env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then error('missing environment variable ' .. name) end
  return value
end

-- buf_request_sync answers per client: take ours, or fail with what the server said.
local function request(buf, client_id, method, params)
  local responses, reason = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT_MS)
  if not responses then error(method .. ': no answer (' .. tostring(reason) .. ')') end
  local response = responses[client_id]
  if not response then error(method .. ': no answer from the referat server') end
  if response.err or response.error then error(method .. ': ' .. vim.inspect(response.err or response.error)) end
  return response.result
end

local function check()
  -- In 0.7 a client counts as stopped until initialized, so the exit is watched here.
  local server_exited = false
  local client_id = vim.lsp.start_client({
    name = 'referat',
    cmd = { 'node', env('REFERAT_SERVER'), '--stdio' },
    root_dir = env('REFERAT_ROOT'),
    on_exit = function() server_exited = true end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function() end,
      ['window/logMessage'] = function() end,
    },
  })
  if not client_id then error('vim.lsp.start_client failed') end

  vim.cmd('edit ' .. vim.fn.fnameescape(env('REFERAT_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local initialized = vim.wait(TIMEOUT_MS, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return server_exited or (client ~= nil and client.initialized == true)
  end, 20)
  if server_exited then error('the server exited before it was initialized') end
  if not initialized then error('the server did not initialize') end

  local text_document = { uri = vim.uri_from_bufnr(buf) }
  local answers = {
    documentSymbol = request(buf, client_id, 'textDocument/documentSymbol', { textDocument = text_document }),
    workspaceSymbol = request(buf, client_id, 'workspace/symbol', { query = env('REFERAT_QUERY') }),
    foldingRange = request(buf, client_id, 'textDocument/foldingRange', { textDocument = text_document }),
  }
  -- A case number's treatments across the workspace: hover and references, asked again until the
  -- server has read the other referater of the folder (it indexes them in the background).
  local case_line = os.getenv('REFERAT_CASE_LINE')
  if case_line ~= nil and case_line ~= '' then
    local position = { line = tonumber(case_line), character = tonumber(env('REFERAT_CASE_CHAR')) }
    local wanted = tonumber(env('REFERAT_CASE_MEETINGS'))
    vim.wait(TIMEOUT_MS, function()
      answers.references = request(buf, client_id, 'textDocument/references', { textDocument = text_document, position = position, context = { includeDeclaration = true } })
      return answers.references ~= nil and #answers.references >= wanted
    end, 200)
    answers.hover = request(buf, client_id, 'textDocument/hover', { textDocument = text_document, position = position })
  end
  io.stdout:write('<<<REFERAT-JSON\n' .. vim.fn.json_encode(answers) .. '\nREFERAT-JSON>>>\n')
  io.stdout:flush()
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(check)
if ok then
  vim.cmd('qall!')
else
  io.stderr:write('check.lua: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
